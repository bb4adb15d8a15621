'use strict';
// node:http — HTTP/1.1 servers and clients over node:net, heads parsed in Rust.

const { codes } = require('internal/errors');
const { validateInteger } = require('internal/validators');
const common = require('_http_common');
const { Agent, globalAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { IncomingMessage } = require('_http_incoming');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('_http_outgoing');
const { Server, ServerResponse, STATUS_CODES } = require('_http_server');

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = {
  _connectionListener: require('_http_server')._connectionListener,
  METHODS: common.METHODS.slice().sort(),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setGlobalProxyFromEnv: require('internal/errors').thrower('http.setGlobalProxyFromEnv'),
  setMaxIdleHTTPParsers(max) {
    validateInteger(max, 'max', 1);
  },
  WebSocket: globalThis.WebSocket,
  CloseEvent: globalThis.CloseEvent,
  MessageEvent: globalThis.MessageEvent,
};

Object.defineProperty(module.exports, 'maxHeaderSize', {
  configurable: true, enumerable: true,
  get() { return common.getMaxHeaderSize(); },
});

Object.defineProperty(module.exports, 'globalAgent', {
  configurable: true, enumerable: true,
  get() { return require('_http_agent').globalAgent; },
  set(value) { require('_http_agent').globalAgent = value; },
});
