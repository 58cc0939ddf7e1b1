/// A square symbol as light and dark modules, without its quiet zone: what every renderer draws.
///
/// Renderers take a grid rather than an encoder type so they can be tested with hand-made
/// symbols; `ModuleGrid(_ code: QRCode)` bridges from the encoder.
public struct ModuleGrid: Sendable, Equatable {
    /// Modules per side.
    public let size: Int
    private let dark: [Bool]

    /// A grid from `size * size` row-major values (`true` = dark); nil when `size < 1` or the
    /// count does not match.
    public init?(size: Int, modules: [Bool]) {
        let (count, overflow) = size.multipliedReportingOverflow(by: size)
        guard size > 0, !overflow, modules.count == count else { return nil }
        self.init(checkedSize: size, modules: modules)
    }

    /// For callers that already guarantee `modules.count == size * size`.
    init(checkedSize size: Int, modules: [Bool]) {
        self.size = size
        self.dark = modules
    }

    /// Whether the module at column `x`, row `y` is dark; anything outside the grid (the quiet
    /// zone) is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return dark[y * size + x]
    }
}
