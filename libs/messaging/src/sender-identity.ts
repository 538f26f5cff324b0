/**
 * The broker user a connection to this URL authenticates as (amqplib's default is guest). Publishers
 * put it in the AMQP `user_id` property, which RabbitMQ checks against the connection's user, so a
 * receiver knows who really sent a message (senderOf and senderRefusal in libs/contracts).
 */
export function connectionUser(amqpUrl: string): string {
  return decodeURIComponent(new URL(amqpUrl).username) || 'guest';
}
