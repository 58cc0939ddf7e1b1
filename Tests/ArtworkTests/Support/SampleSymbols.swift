import Testing
@testable import Artwork

extension ModuleGrid {
    /// A grid from rows of `#` (dark) and `.` (light); nil unless square and well formed.
    init?(rows: [String]) {
        let modules = rows.flatMap { row in row.map { $0 == "#" } }
        guard rows.allSatisfy({ $0.count == rows.count && $0.allSatisfy { "#.".contains($0) } }) else {
            return nil
        }
        self.init(size: rows.count, modules: modules)
    }
}

/// Fixed symbols for golden files, independent of our encoder so a renderer golden only changes
/// when a renderer does.
enum SampleSymbols {
    /// `qrencode -l M -t ASCII -m 0 "https://qr.acme.example/cx1"` (libqrencode 4.1.1): a real,
    /// decodable version-3 symbol.
    static let acmeRows = [
        "#######.#....###.##...#######",
        "#.....#..#..#..#..#...#.....#",
        "#.###.#.##.###...#.#..#.###.#",
        "#.###.#..####..###.#..#.###.#",
        "#.###.#...##...##.#...#.###.#",
        "#.....#.#....##.###...#.....#",
        "#######.#.#.#.#.#.#.#.#######",
        "..........#.##....#..........",
        "#.#...##...###.##..#...#..#.#",
        ".#..##...##.....#..##.##...##",
        "#####.####...##.#.##.##.###.#",
        "#......###.##.###.#.###..#...",
        ".#....#...##.##.....#.##....#",
        "..#.#..#.#..###..####.##...##",
        ".######...#.#..#.###...#....#",
        "####.#.#####.#.......#.##....",
        ".#...##...#.##.##.###.##....#",
        ".#.#...#.####...#.###.#...###",
        "###.####.###.##.#####.##.#..#",
        "..#.#....#..#.###.#..#.......",
        "####.###...####..##.######.#.",
        "........#...###..#.##...###.#",
        "#######.#.###..#....#.#.#...#",
        "#.....#..#..##...#.##...#..##",
        "#.###.#...#.##.###.#######.#.",
        "#.###.#..#.##...#..#...#####.",
        "#.###.#.#.##....###.##..#..##",
        "#.....#...##...##.#.####.#...",
        "#######.######...##.##.##...#",
    ]
    static let acmePayload = "https://qr.acme.example/cx1"

    static var acme: ModuleGrid {
        get throws { try #require(ModuleGrid(rows: acmeRows)) }
    }

    /// A 3×3 grid whose runs cover every case: a full row, a split row, an empty row.
    static var tiny: ModuleGrid {
        get throws { try #require(ModuleGrid(rows: ["###", "#.#", "..."])) }
    }
}
