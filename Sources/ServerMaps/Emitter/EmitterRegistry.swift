/// Every server-map emitter, in output order; `qrops build` runs those the policy's
/// `build: {targets: [...]}` names (all of them by default). Add a new emitter here.
public let allEmitters: [any ServerMapEmitter.Type] = [
    NginxEmitter.self,
    HAProxyEmitter.self,
    CaddyEmitter.self,
    ApacheEmitter.self,
    NetlifyEmitter.self,
    CloudflareEmitter.self,
    CloudFrontEmitter.self,
]

/// The emitter for a `build.targets` name, if there is one.
public func emitter(forTarget target: String) -> (any ServerMapEmitter.Type)? {
    allEmitters.first { $0.target == target }
}
