// electron-vite bundles a `?modulePath` import as its own file and yields that file's path (see electron-vite/node.d.ts).
declare module '*?modulePath' {
  const path: string;
  export default path;
}
