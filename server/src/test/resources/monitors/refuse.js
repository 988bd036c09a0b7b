// Refuses, saying why on stdout.
const [model, uploader, downloader] = process.argv.slice(2);
console.log(`policy 7: ${downloader} may not download ${model}`);
process.exit(1);
