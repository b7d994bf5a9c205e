// placeholder while dependencies build
import Hummingbird
