import QropsCLI

await Qrops.runMain()
