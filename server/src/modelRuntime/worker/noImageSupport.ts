/**
 * Stands in for `sharp` in the bundled worker. transformers.js imports sharp for image inputs at
 * load time; ClaimFloor reads only text, so the native image library is left out of the bundle
 * and the VSIX.
 */
export default function sharp(): never {
  throw new Error('ClaimFloor does not process images.');
}
