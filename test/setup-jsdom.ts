// jsdom lacks the Encoding API that every browser the pane runs in has; Node's is the same standard.
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
