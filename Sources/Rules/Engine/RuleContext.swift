import Catalog

/// What rules may consult besides the code: the policies, "now" (passed in, so rules stay
/// pure and tests are reproducible), and policy data prepared once per run.
///
/// "Now" is not readable as a plain value: a rule asks `hasReached(_:)` / `hasPassed(_:)`, or
/// takes the instant through `now(comparedWith:)`, `nowOnwards`, `today`, `exactNow` or
/// `now(lasting:)`, each of which says how long the rule's conclusion holds. With a `NowDependence` attached
/// (`recordingNow(into:)`), those answers narrow the window in which a file's findings may be
/// reused (`FileCheckCache`); a new rule cannot forget to.
public struct RuleContext: Sendable {
    public var policies: Policies
    private let now: Instant
    private let dependence: NowDependence?
    public let naming: NamingPatterns
    public let destinations: DestinationIndex
    public let artwork: ArtworkPolicyValues
    public let requiredLabels: RequiredLabelIndex

    public init(policies: Policies, now: Instant) {
        self.policies = policies
        self.now = now
        dependence = nil
        naming = NamingPatterns(policies: policies)
        destinations = DestinationIndex(policies: policies)
        artwork = ArtworkPolicyValues(policies: policies)
        requiredLabels = RequiredLabelIndex(policies: policies)
    }

    private init(_ context: RuleContext, dependence: NowDependence) {
        policies = context.policies
        now = context.now
        self.dependence = dependence
        naming = context.naming
        destinations = context.destinations
        artwork = context.artwork
        requiredLabels = context.requiredLabels
    }

    /// The same context, noting into `dependence` what the rules' answers owe to the instant.
    public func recordingNow(into dependence: NowDependence) -> RuleContext {
        RuleContext(self, dependence: dependence)
    }

    /// `instant <= now`; the answer changes at `instant`.
    public func hasReached(_ instant: Instant) -> Bool {
        dependence?.note(boundary: instant.seconds, now: now.seconds)
        return instant <= now
    }

    /// `instant < now`; the answer changes one second after `instant`.
    public func hasPassed(_ instant: Instant) -> Bool {
        let next = instant.seconds == .max ? Int64.max : instant.seconds + 1
        dependence?.note(boundary: next, now: now.seconds)
        return instant.seconds < now.seconds
    }

    /// "Now", for a conclusion that depends on it only through comparisons with `instants`
    /// (each `instant <= now` or `instant > now`), such as routing a scan through a code's
    /// launch, retirement and route windows.
    public func now(comparedWith instants: some Sequence<Instant>) -> Instant {
        if let dependence { for instant in instants { dependence.note(boundary: instant.seconds, now: now.seconds) } }
        return now
    }

    /// "Now", for a conclusion that stays the same at every later instant.
    public var nowOnwards: Instant {
        dependence?.note(boundary: now.seconds, now: now.seconds)
        return now
    }

    /// How long a conclusion drawn from "now" holds, as its caller judges (`now(lasting:)`).
    public enum Lasting: Sendable {
        /// At every later instant.
        case fromNowOn
        /// Within the UTC day of "now".
        case today
        /// This second only.
        case thisSecond
    }

    /// "Now", for a caller that judges, from the instant itself, how long its conclusion holds.
    public func now(lasting judge: (Instant) -> Lasting) -> Instant {
        switch judge(now) {
        case .fromNowOn: return nowOnwards
        case .today: return today
        case .thisSecond: return exactNow
        }
    }

    /// "Now", for a finding that names today's date (it holds until the UTC day ends).
    public var today: Instant {
        let start = Self.startOfDay(now)
        dependence?.note(boundary: start.seconds, now: now.seconds)
        if start.seconds <= Int64.max - 86_400 { dependence?.note(boundary: start.seconds + 86_400, now: now.seconds) }
        return now
    }

    /// The UTC midnight that starts the day of `instant`.
    public static func startOfDay(_ instant: Instant) -> Instant {
        let seconds = instant.seconds
        let days = seconds >= 0 ? seconds / 86_400 : -((-(seconds + 1)) / 86_400) - 1
        return Instant(seconds: days * 86_400)
    }

    /// "Now", for a finding whose answer or wording may change with any instant (it then holds
    /// for this second only).
    public var exactNow: Instant {
        dependence?.note(boundary: now.seconds, now: now.seconds)
        if now.seconds < .max { dependence?.note(boundary: now.seconds + 1, now: now.seconds) }
        return now
    }
}
