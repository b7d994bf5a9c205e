// How much a finding matters, and the per-rule setting a user writes in config (which adds `off`).

public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A rule's effective level: switched off, or reporting at a severity.
public enum RuleLevel: Sendable, Hashable {
    case off
    case on(Severity)

    public init?(configValue: String) {
        switch configValue.lowercased() {
        case "off", "false": self = .off
        case "info": self = .on(.info)
        case "warning", "warn": self = .on(.warning)
        case "error": self = .on(.error)
        default: return nil
        }
    }
}
