import type { DownloadProgress } from '../modelRuntime/downloadModel';

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * Prints model-download progress on stderr: a bar redrawn in place on a terminal, one line per
 * 10% elsewhere (CI logs).
 */
export function downloadProgressPrinter(stream: NodeJS.WriteStream): (progress: DownloadProgress) => void {
  let lastDecile = -1;
  return ({ receivedBytes, totalBytes }) => {
    const fraction = totalBytes > 0 ? receivedBytes / totalBytes : 0;
    const status = `${megabytes(receivedBytes)}/${megabytes(totalBytes)} MB (${Math.floor(fraction * 100)}%)`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\rDownloading the model [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${status}${fraction >= 1 ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      stream.write(`Downloading the model: ${status}\n`);
    }
  };
}
