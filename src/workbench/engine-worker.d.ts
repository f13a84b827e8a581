/** The engine worker's bundled source, as text (webpack.config.js builds it first and aliases it here). */
declare module "huishen-engine-worker" {
  const source: string;
  export default source;
}
