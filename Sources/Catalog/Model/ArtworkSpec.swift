import Diagnostics

public enum ErrorCorrectionLevel: String, Sendable, Hashable, CaseIterable {
    case L, M, Q, H
}

public enum ArtworkFormat: String, Sendable, Hashable, CaseIterable {
    case svg, pdf, eps, png
}

/// A code's (or the policy's default) `artwork:` settings. Every field is optional here;
/// the build fills gaps from the artwork policy.
public struct ArtworkSpec: Sendable {
    public var ec: Located<ErrorCorrectionLevel>?
    public var size: Located<Length>?
    public var formats: Located<[ArtworkFormat]>?
    public var foreground: Located<Colour>?
    public var background: Located<Colour>?
    public var quietZone: Located<Int>?
    public var dpi: Located<Int>?
    /// Logo overlay as a fraction (0...1) of the symbol's width and height.
    public var logoWidth: Located<Double>?
    public var logoHeight: Located<Double>?
    public var location: SourceLocation

    public init(location: SourceLocation) { self.location = location }
}
