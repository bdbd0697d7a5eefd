/** What a client of the API says when the server cannot answer in the API's terms. */
export const clientErrors = {
  'client.unreachable': { vi: 'Không kết nối được máy chủ: {detail}', en: 'the server cannot be reached: {detail}' },
  'client.timeout': { vi: 'Máy chủ không trả lời trong {seconds} giây; hãy thử lại', en: 'the server did not answer within {seconds} s; try again' },
  'client.reply_invalid': { vi: 'Máy chủ trả lời {route} sai lược đồ: {detail}', en: 'the reply to {route} does not match its schema: {detail}' },
  'client.http_error': { vi: 'Máy chủ trả lời HTTP {status}', en: 'the server answered HTTP {status}' },
} as const;
