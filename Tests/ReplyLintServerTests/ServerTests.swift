import Testing
import HummingbirdTesting
import MCP
