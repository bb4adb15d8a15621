console.log('before throw');
throw new Error('boom');
