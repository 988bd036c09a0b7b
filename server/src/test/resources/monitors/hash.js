// Allows, after saying which zip it was shown: its sha-256 and length, with the model and the two users.
const fs = require("fs");
const crypto = require("crypto");
const [model, uploader, downloader, zip] = process.argv.slice(2);
const bytes = fs.readFileSync(zip);
console.log(`${model} ${uploader} ${downloader} ${bytes.length} ${crypto.createHash("sha256").update(bytes).digest("hex")}`);
