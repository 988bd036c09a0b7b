// Never decides.
console.log("checking with the audit server...");
setInterval(() => {}, 1000);
