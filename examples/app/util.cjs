exports.greet = (who) => `greetings, ${who}`;
