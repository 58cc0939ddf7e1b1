import QREncoder

extension ModuleGrid {
    /// The module grid of an encoded symbol.
    public init(_ code: QRCode) {
        var modules: [Bool] = []
        modules.reserveCapacity(code.size * code.size)
        for y in 0..<code.size {
            for x in 0..<code.size {
                modules.append(code.isDark(x: x, y: y))
            }
        }
        self.init(checkedSize: code.size, modules: modules)
    }
}
