import type { ExtendedError } from 'socket.io';
import { appError } from '../../shared/errors';
import type { SocketRefusal } from './guard';

/** The refusal of a namespace nobody serves (the root `/`), in the shape of the guard's refusals. */
export function namespaceRefusal(): ExtendedError & { data: SocketRefusal } {
  const error = appError('socket.namespace_closed');
  return Object.assign(new Error('forbidden'), { data: { code: error.code, status: 404, message_vi: error.message_vi, message_en: error.message_en } });
}
