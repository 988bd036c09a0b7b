// Allows every download, after checking it was given the zip that would be sent.
const fs = require("fs");
const [model, uploader, downloader, zip] = process.argv.slice(2);
const bytes = fs.readFileSync(zip);
const isZip = bytes.length >= 22 && bytes.readUInt32LE(bytes.length - 22) === 0x06054b50;
console.log(JSON.stringify({ model, uploader, downloader, zipBytes: bytes.length, isZip, cwd: process.cwd() }));
process.exit(isZip ? 0 : 3);
