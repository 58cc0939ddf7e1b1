/// A horizontal run of dark modules, in artwork coordinates (quiet zone included, origin at
/// the top-left, y downwards). The vector renderers draw one rectangle per run.
struct DarkRun: Equatable {
    let x: Int
    let y: Int
    let length: Int
}

extension ModuleGrid {
    /// Every maximal horizontal run of dark modules, row by row, left to right, shifted by
    /// `offset` (the quiet zone).
    func darkRuns(offset: Int) -> [DarkRun] {
        var runs: [DarkRun] = []
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                runs.append(DarkRun(x: start + offset, y: y + offset, length: x - start))
            }
        }
        return runs
    }
}
