import { handle } from 'hono/aws-lambda';
import { createApp } from './app.js';

/** The same app as the Node server, as an AWS Lambda handler (API Gateway / function URL). */
export const handler = handle(createApp());
