import QropsCLI

Qrops.prepareProcess()
await Qrops.runMain()
