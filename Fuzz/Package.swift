// swift-tools-version: 6.0
import PackageDescription

// Coverage-guided fuzzing of the loader and the whole lint pipeline (libFuzzer), kept out of
// the main package. Run from the repository root:  bash Fuzz/run.sh [SECONDS]
// (run.sh passes -sanitize=fuzzer,address to every Swift module so that coverage reaches the
// loader, decoders, rules and renderers, not only this target.)
let package = Package(
    name: "QropsFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "qrops", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "fuzz-lint",
            dependencies: [.product(name: "QropsKit", package: "qrops")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
