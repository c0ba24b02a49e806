/** A picked file's bytes as base64, read in the renderer's memory only. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** The file's media type when it is one the backend accepts; otherwise let the backend default it. */
export function mediaTypeOf(file: File): string | undefined {
  return /^[\w.+-]+\/[\w.+-]+$/.test(file.type) && file.type.length <= 127 ? file.type : undefined;
}
