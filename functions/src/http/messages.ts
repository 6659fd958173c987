// The HTTP layer's messages are part of the server's one catalog (src/messages/).
export type { Locale as HttpLocale } from '@teamsheet/shared';
export { messageText, serverText, type MessageParams } from '../messages';
