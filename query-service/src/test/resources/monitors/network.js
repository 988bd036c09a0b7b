// Asks an audit server (its address in place of the model name) before allowing.
fetch(process.argv[2] + "?downloader=" + encodeURIComponent(process.argv[4]))
  .then((r) => r.text().then((t) => { console.log("audit said " + r.status + " " + t); process.exit(r.status === 200 ? 0 : 1); }))
  .catch((e) => { console.log("audit unreachable " + e); process.exit(2); });
