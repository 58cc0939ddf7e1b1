// swift-tools-version: 6.0
import PackageDescription

// Benchmarks for qrops, kept out of the main package so that building qrops never needs
// libqrencode. Run from the repository root:
//   swift run -c release --package-path Benchmarks encode-bench
//   swift run -c release --package-path Benchmarks lint-phases Benchmarks/out/portfolio-100k
//   swift run -c release --package-path Benchmarks server-maps-bench 1000000 Benchmarks/out/servers-1m
//   bash Benchmarks/servers/caddy-latency.sh 100000
//   swift run -c release --package-path Benchmarks table-bench [--codes N]... [--portfolio DIR]
//   swift run -c release --package-path Benchmarks table-stress [TRIALS] [CODES]
let package = Package(
    name: "QropsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "qrops", path: ".."),
    ],
    targets: [
        // The reference encoder (Debian libqrencode-dev), to compare against.
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]),
        .executableTarget(
            name: "encode-bench",
            dependencies: ["CQREncode", .product(name: "QREncoder", package: "qrops")]
        ),
        // libyaml for the raw-events reference (the main package's CYAML is not a product).
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // Where lint's time goes, phase by phase, on one core, beside raw libyaml.
        .executableTarget(
            name: "lint-phases",
            dependencies: ["CLibYAML", .product(name: "QropsKit", package: "qrops")]
        ),
        // A synthetic redirect table of N codes through the nginx and HAProxy emitters
        // (Benchmarks/servers/run.sh loads the output into the real servers).
        .executableTarget(
            name: "server-maps-bench",
            dependencies: [.product(name: "QropsKit", package: "qrops")]
        ),
        // The Caddy config of N codes, sharded (what qrops writes) and as one flat map
        // (Benchmarks/servers/caddy-latency.sh times redirects on both in real Caddy).
        .executableTarget(
            name: "caddy-latency-bench",
            dependencies: [.product(name: "QropsKit", package: "qrops")]
        ),
        // The .qrt redirect table: sizes against minified JSON, open time, lookups per second.
        .executableTarget(
            name: "table-bench",
            dependencies: [.product(name: "QropsKit", package: "qrops")]
        ),
        // Random damage to a .qrt table, read every way, in release mode: a trap is a bug.
        .executableTarget(
            name: "table-stress",
            dependencies: [.product(name: "QropsKit", package: "qrops")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
