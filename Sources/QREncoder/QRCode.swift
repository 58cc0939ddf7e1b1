/// A finished QR Code symbol: an immutable square of dark and light modules.
public struct QRCode: Sendable, Equatable {
    /// 1…40.
    public let version: Int
    /// Modules per side, `4 * version + 17`.
    public let size: Int
    public let errorCorrection: ErrorCorrection
    /// The data mask applied, 0…7.
    public let mask: Int
    /// Row-major module colours, `size * size` values, `true` = dark. No quiet zone.
    public let modules: [Bool]

    /// Makes a symbol whose modules `draw` writes as bytes, 1 = dark, 0 = light
    /// (no other values: the bytes become the `Bool`s of `modules` as they are).
    init(version: Int, errorCorrection: ErrorCorrection, mask: Int, draw: (UnsafeMutablePointer<UInt8>) -> Void) {
        self.version = version
        let size = VersionTable.size(version)
        self.size = size
        self.errorCorrection = errorCorrection
        self.mask = mask
        modules = [Bool](unsafeUninitializedCapacity: size * size) { buffer, count in
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                guard let base = bytes.baseAddress else { return }
                base.initialize(repeating: 0, count: size * size)
                draw(base)
            }
            count = size * size
        }
    }

    /// Whether the module in column `x`, row `y` is dark; false outside the symbol
    /// (the quiet zone is light).
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }
}
