/// Why a renderer refused a style or grid. Renderers validate before they allocate, so an
/// absurd request is an error, never gigabytes of memory or a crash.
public enum ArtworkError: Error, Equatable, Sendable, CustomStringConvertible {
    case sizeOutOfRange(PhysicalLength)
    case dpiOutOfRange(Int)
    case quietZoneOutOfRange(Int)
    case invalidColour(Colour)
    case imageTooLarge(pixels: Int, limit: Int)
    case compressionFailed(status: Int)

    public var description: String {
        switch self {
        case let .sizeOutOfRange(size):
            return "size \(size) is outside \(ArtworkStyle.sizeRange.lowerBound)...\(ArtworkStyle.sizeRange.upperBound)"
        case let .dpiOutOfRange(dpi):
            return "dpi \(dpi) is outside \(ArtworkStyle.dpiRange.lowerBound)...\(ArtworkStyle.dpiRange.upperBound)"
        case let .quietZoneOutOfRange(modules):
            return "quiet zone of \(modules) modules is outside \(ArtworkStyle.quietZoneRange.lowerBound)...\(ArtworkStyle.quietZoneRange.upperBound)"
        case let .invalidColour(colour):
            return "colour \(colour) has an ink outside 0...100 %"
        case let .imageTooLarge(pixels, limit):
            return "a PNG of \(pixels)×\(pixels) pixels is larger than the \(limit)×\(limit) limit; lower the DPI or the size"
        case let .compressionFailed(status):
            return "zlib compression failed with status \(status)"
        }
    }
}
