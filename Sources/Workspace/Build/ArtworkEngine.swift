import Artwork
import QREncoder

/// What, besides a code's own settings, decides the bytes of its artwork: the encoder and the
/// renderers (and zlib, for PNG). Part of every artwork cache key.
///
/// `version` is bumped by hand when the encoder's or a renderer's output changes on purpose.
/// Because a forgotten bump would serve stale artwork from the cache, the key also holds a
/// fingerprint: the digest of a few probe symbols rendered in every format by this very
/// binary. Any change that moves a byte of the probes moves every key.
public struct ArtworkEngine: Sendable {
    public static let version = "qrencoder-1 artwork-1"

    /// `version`, the tool's version and the probe digest, as one line.
    public let identity: String
    /// A hasher that has already read the key format and `identity`: every cache key starts here.
    let keyPrefix: SHA256

    public init(toolVersion: String) {
        identity = "qrops \(toolVersion); \(Self.version); probes \(Self.probeDigest().hex)"
        var prefix = SHA256()
        prefix.update("qrops artwork cache key 2\n" + identity + "\n")
        keyPrefix = prefix
    }

    /// The cache key of one file: everything that decides its bytes (`material` is the plan's
    /// `cacheMaterial`, computed once for all its formats).
    func key(material: [UInt8], format: ArtworkFormat) -> SHA256.Digest {
        var hasher = keyPrefix
        hasher.update(material)
        hasher.update(format.rawValue)
        return hasher.finalize()
    }

    func key(_ plan: ArtworkPlan, format: ArtworkFormat) -> SHA256.Digest {
        key(material: plan.cacheMaterial, format: format)
    }

    /// The probe symbols: two short URLs (one with path compaction, at a higher level) drawn in
    /// every format, in RGB and, for the formats that keep CMYK, in CMYK. A few milliseconds.
    static func probeDigest() -> SHA256.Digest {
        var hasher = SHA256()
        let rgb = ArtworkStyle()
        let cmyk = ArtworkStyle(foreground: .cmyk(cyan: 100, magenta: 80, yellow: 0, black: 10), background: nil,
                                quietZone: 2, size: .millimetres(31.5), dpi: 72)
        let probes = [
            ("https://qr.acme.example/probe-1", EncodeOptions(ecl: .medium, urlCompaction: .automatic(caseInsensitivePath: false))),
            ("https://go.acme.example/Probe-2", EncodeOptions(ecl: .quartile, urlCompaction: .automatic(caseInsensitivePath: true))),
        ]
        for (payload, options) in probes {
            guard let result = try? QREncoder.encode(text: payload, options: options) else {
                hasher.update("unencodable \(payload)\n")
                continue
            }
            let grid = ModuleGrid(result.code)
            for format in ArtworkFormat.allCases {
                hasher.update((try? format.render(grid, style: rgb)) ?? Array("unrenderable".utf8))
            }
            for format in [ArtworkFormat.pdf, .eps, .png] {
                hasher.update((try? format.render(grid, style: cmyk)) ?? Array("unrenderable".utf8))
            }
        }
        return hasher.finalize()
    }
}
