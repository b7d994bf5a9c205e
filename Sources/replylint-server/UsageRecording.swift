// What `serve` and `mcp` record renders with.

import Logging
import ReplyLint
import ReplyLintCLI
import ReplyLintPostgres

extension LibraryOptions {
    /// The usage log as `usageLog` finds it, behind a buffer, its notices logged through `logger`: a
    /// lost render is an error, the rest are warnings. Nil when the log is switched off.
    func usageRecorder(configuration: Configuration, logger: Logger) throws -> UsageRecorder? {
        do {
            return try UsageLogFactory.recorder(configuration: configuration, root: root) { notice in
                if notice.isLoss { logger.error("\(notice.message)") } else { logger.warning("\(notice.message)") }
            }
        } catch {
            throw LoadError(error.message)
        }
    }
}
