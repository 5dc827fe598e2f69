export {
  defineMessage,
  describeProblems,
  type Envelope,
  type Failure,
  type MessageDefinition,
  MessageError,
  type Outcome,
  type ReplyOf,
  type RequestOf,
  type SenderKind,
} from './protocol';
export {
  classifySender,
  createMessageRouter,
  type ExtensionIdentity,
  type HandlerContext,
  type MessageHandler,
  type MessageSender,
  type Route,
  route,
} from './router';
export { sendMessage, type Transport } from './send';
