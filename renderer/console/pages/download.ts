/** Saves a text as a file through the browser's own download (an object URL on a temporary link). */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the link; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `attachment; filename="abc-v3.json"` → abc-v3.json (null when absent). */
export function filenameOf(disposition: string | null): string | null {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match ? match[1]! : null;
}
