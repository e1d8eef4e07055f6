export { ConnectorPairings } from './connector-pairings.ts';
export { startConnectorServer, type ConnectorServer } from './connector-server.ts';
export { connectorPort, connectorPortFlag } from './connector-port.ts';
export { startHostConnector } from './host-connector.ts';
