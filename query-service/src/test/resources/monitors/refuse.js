// Refuses every download, saying why on stdout (and something else on stderr).
const [model, uploader, downloader] = process.argv.slice(2);
console.log(`policy 7: ${downloader} may not download ${model} (uploaded by ${uploader})`);
console.error("monitor: refusing");
process.exit(1);
