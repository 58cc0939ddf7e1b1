import Catalog

/// The artwork policy as plain values, prepared once per run (`RuleContext.artwork`): its
/// `artwork:` defaults (nil where the policy leaves a field out) and the print thresholds.
/// Rules read these on every code; reading them from `Policies` there would copy the policies'
/// nested optionals (reference counting) six times per code.
public struct ArtworkPolicyValues: Sendable {
    var errorCorrection: ErrorCorrectionLevel?
    var sizeMillimetres: Double?
    var quietZone: Int?
    var foreground: Colour?
    var background: Colour?
    var hasLogo: Bool
    var minModuleMillimetres: Double?
    var minContrast: Double?
    var minQuietZone: Int?

    public init(policies: Policies) {
        let policy = policies.artwork, defaults = policy.defaults
        errorCorrection = defaults?.ec?.value
        sizeMillimetres = defaults?.size?.value.millimetres
        quietZone = defaults?.quietZone?.value
        foreground = defaults?.foreground?.value
        background = defaults?.background?.value
        hasLogo = defaults?.logoWidth != nil || defaults?.logoHeight != nil
        minModuleMillimetres = policy.minModule?.value.millimetres
        minContrast = policy.minContrast?.value
        minQuietZone = policy.minQuietZone?.value
    }
}
