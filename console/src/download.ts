/** Has the browser save what a link leads to as the named file. */
export function saveLink(href: string, name: string): void {
  const link = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves bytes the API made as a file (the API wants the token, so a plain link cannot fetch them). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  saveLink(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
