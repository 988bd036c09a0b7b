// Never decides.
console.log("asking the audit server...");
setInterval(() => {}, 1000);
