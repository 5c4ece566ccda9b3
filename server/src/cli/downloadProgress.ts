/**
 * Prints model-download progress on stderr: a bar redrawn in place on a terminal, one line per
 * 10% elsewhere (CI logs). `message` says how much of the download arrived ("12.0 of 85.0 MB").
 */
export function downloadProgressPrinter(stream: NodeJS.WriteStream): (percentage: number, message: string) => void {
  let lastDecile = -1;
  return (percentage, message) => {
    const status = `${message} (${percentage}%)`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((percentage / 100) * width);
      stream.write(`\rDownloading the model [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${status}${percentage >= 100 ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(percentage / 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      stream.write(`Downloading the model: ${status}\n`);
    }
  };
}
