import { ApiError } from '../../renderer/api/client';

/** Resolves with the ApiError a call is refused with; a call that succeeds, or fails otherwise, fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the call was not refused');
}
