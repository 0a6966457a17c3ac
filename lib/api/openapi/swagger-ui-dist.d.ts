/** The one file of swagger-ui-dist the server loads (the package ships no types). */
declare module 'swagger-ui-dist/absolute-path.js' {
  /** The absolute path of the installed package's folder. */
  const getAbsoluteFSPath: () => string;
  export default getAbsoluteFSPath;
}
