/** Bokmål receipt download for browsers without JavaScript (the answers arrive in the query string). */
import type { APIRoute } from 'astro';
import { receiptResponse } from '../../lib/receipt-endpoint.ts';

export const prerender = false;

export const GET: APIRoute = ({ url }) => receiptResponse('nb', url);
