// swift-tools-version: 6.0
import PackageDescription

// Module map (see the README, "Layout"):
//   CYAML, CZlib      system libraries (Debian libyaml-dev, zlib1g-dev)
//   CSHA256           SHA-256 blocks on the CPU's SHA extensions (C; Workspace's SHA256 uses it when present)
//   Diagnostics       diagnostics as values + human/json/sarif/github renderers (pure)
//   YAMLTree          libyaml event stream -> located tree (pure: bytes in, tree out)
//   Catalog           domain model (codes, policies) and decoding from the located tree (pure)
//   Routing           the redirect table model, its compiler from the catalog, and the routing engine (pure)
//   ServerMaps        one emitter per web server / edge target: redirect table -> config files (pure)
//   TableFormat       the compact `.qrt` redirect table (writer, validating reader) and its JSON form (pure)
//   Rules             policy rules, one type per file, and the rule registry (pure)
//   QREncoder         our ISO/IEC 18004 encoder (pure, no dependencies)
//   Artwork           SVG/PDF/EPS/PNG/text renderers for encoded symbols (pure)
//   Workspace         the I/O edge: finding and reading repository files, parallel loading
//   Review            what a pull request changes: catalog diff, risk, renderers, CODEOWNERS (pure)
//   GitAccess         the I/O edge for git: the `git` runner, portfolios at a commit, history
//   QropsCLI          the argument-parser commands (thin)
//   qrops             the executable
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "qrops",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qrops", targets: ["qrops"]),
        .library(name: "QREncoder", targets: ["QREncoder"]),  // for Benchmarks/ (depends on this package by path)
        // For Fuzz/ and Benchmarks/: the pure pipeline without the command line.
        .library(name: "QropsKit", targets: ["Diagnostics", "YAMLTree", "Catalog", "Routing", "ServerMaps", "TableFormat", "Rules", "Workspace", "Review", "GitAccess"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CSHA256"),
        .target(name: "Diagnostics", swiftSettings: strict),
        .target(name: "YAMLTree", dependencies: ["CYAML", "Diagnostics"], swiftSettings: strict),
        .target(name: "Catalog", dependencies: ["YAMLTree", "Diagnostics"], swiftSettings: strict),
        .target(name: "Routing", dependencies: ["Catalog", "Diagnostics"], swiftSettings: strict),
        .target(name: "Rules", dependencies: ["Catalog", "YAMLTree", "Diagnostics", "QREncoder", "Routing"], swiftSettings: strict),
        .target(name: "ServerMaps", dependencies: ["Routing", "Catalog"], swiftSettings: strict),
        .target(name: "TableFormat", dependencies: ["Routing", "Catalog"], swiftSettings: strict),
        .target(name: "QREncoder", swiftSettings: strict),
        .target(name: "Artwork", dependencies: ["QREncoder", "CZlib"], swiftSettings: strict),
        .target(name: "Workspace", dependencies: ["YAMLTree", "Catalog", "Routing", "ServerMaps", "TableFormat", "Rules", "Diagnostics", "QREncoder", "Artwork", "CSHA256"], swiftSettings: strict),
        .target(name: "Review", dependencies: ["Catalog", "Diagnostics", "Rules", "Routing"], swiftSettings: strict),
        .target(name: "GitAccess", dependencies: ["Workspace", "Catalog", "Rules", "Diagnostics", "Review", "YAMLTree"], swiftSettings: strict),
        .target(
            name: "QropsCLI",
            dependencies: [
                "Workspace", "Rules", "Catalog", "Routing", "TableFormat", "Diagnostics", "QREncoder", "Artwork", "Review", "GitAccess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "qrops", dependencies: ["QropsCLI"], swiftSettings: strict),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"], resources: [.copy("Golden")]),
        // Helpers shared by the test targets (not shipped).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree", "Diagnostics", "TestSupport"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "YAMLTree", "Diagnostics"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "Catalog", "Rules", "Diagnostics", "Artwork", "QREncoder", "TestSupport"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Catalog", "YAMLTree", "Diagnostics", "QREncoder"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "Catalog", "YAMLTree", "Diagnostics", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TableFormatTests", dependencies: ["TableFormat", "Routing", "Catalog", "Workspace", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "QREncoderTests", dependencies: ["QREncoder"]),
        .testTarget(name: "ArtworkTests", dependencies: ["Artwork", "QREncoder", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Catalog", "Rules", "Diagnostics", "Workspace"]),
        .testTarget(name: "GitAccessTests", dependencies: ["GitAccess", "Review", "Workspace", "Catalog", "Rules", "Diagnostics", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Workspace", "Diagnostics", "YAMLTree", "TestSupport", "qrops"], resources: [.copy("Golden")]),
        // Emitters against the real servers (nginx, HAProxy, Caddy, Apache) on the shared routing vectors.
        .testTarget(name: "ServerMapsTests", dependencies: ["ServerMaps", "Routing", "TableFormat", "Workspace", "Catalog", "Diagnostics", "TestSupport"],
                    exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
