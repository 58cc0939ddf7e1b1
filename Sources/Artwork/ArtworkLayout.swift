/// Where a validated style puts a grid on the page: the shared size arithmetic of the vector
/// renderers.
struct ArtworkLayout {
    /// Modules across the artwork: symbol plus quiet zone on both sides.
    let modulesAcross: Int
    let quietZone: Int
    /// Outer width (= height) in points.
    let widthPoints: Double
    /// Outer width (= height) in millimetres.
    let widthMillimetres: Double

    init(grid: ModuleGrid, style: ArtworkStyle) throws(ArtworkError) {
        try style.validate()
        quietZone = style.quietZone
        modulesAcross = grid.size + 2 * style.quietZone
        widthPoints = style.size.points
        widthMillimetres = style.size.millimetres
    }

    /// One module in points.
    var modulePoints: Double { widthPoints / Double(modulesAcross) }
}
