// The baseline of the feed benchmark: a bare socket.io server with nothing of ours. A
// client sends `relay` with a payload; the server emits it as `changes` to every other
// client, as our server emits a committed batch to the walls. Prints its port.
import { createServer } from 'node:http';
import process from 'node:process';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1e7 });
io.on('connection', (socket) => {
  socket.on('relay', (payload) => socket.broadcast.emit('changes', payload));
});
http.listen(0, '127.0.0.1', () => process.stdout.write(`RAW_READY port=${http.address().port}\n`));
process.on('SIGTERM', () => process.exit(0));
