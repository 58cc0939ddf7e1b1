/// The artwork formats, named by file extension.
public enum ArtworkFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, eps, txt

    public var fileExtension: String { rawValue }

    /// PNG and PDF are binary; the others are text.
    public var isBinary: Bool { self == .png || self == .pdf }

    /// Renders `grid` in this format. `txt` uses `TerminalRenderer` with the style's quiet zone
    /// (colours and size do not apply to text).
    public func render(_ grid: ModuleGrid, style: ArtworkStyle) throws(ArtworkError) -> [UInt8] {
        switch self {
        case .svg: return Array(try SVGRenderer(style: style).render(grid).utf8)
        case .png: return try PNGRenderer(style: style).render(grid)
        case .pdf: return try PDFRenderer(style: style).render(grid)
        case .eps: return Array(try EPSRenderer(style: style).render(grid).utf8)
        case .txt: return Array(try TerminalRenderer(quietZone: style.quietZone).render(grid).utf8)
        }
    }
}
