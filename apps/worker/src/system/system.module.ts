import { Module } from '@nestjs/common';

import { PingRecorder } from './ping-recorder.service';

@Module({
  providers: [PingRecorder],
})
export class SystemModule {}
